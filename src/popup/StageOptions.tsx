import type { Settings } from '../domain/settings';
import { stageLabel } from '../domain/stages';
import { t } from '../platform/i18n';

/** The rep's stages as <option>s, in their order, for every stage picker of the popup. */
export function StageOptions({ settings }: { settings: Settings }) {
  return (
    <>
      {settings.stages.map((stage) => (
        <option key={stage.id} value={stage.id}>
          {stageLabel(stage, t)}
        </option>
      ))}
    </>
  );
}
