import { removeAllOurNodes } from './dom';
import { removeRowMarks } from './rowChips';

/**
 * Leaves the page as Gmail made it: every node we added and every mark we left on Gmail's own
 * elements go, when the extension goes away under a running page and when a new instance starts.
 */
export function removeAllTraces(doc: Document): void {
  removeAllOurNodes(doc);
  removeRowMarks(doc);
}
