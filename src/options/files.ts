import { MAX_IMPORT_BYTES } from '../domain/backup';
import { t } from '../platform/i18n';

/** Saves text as a file through the browser's own download of a blob URL (no permission needed). */
export function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A chosen file's text; a file over the import limit is refused before it is read. */
export async function readChosenFile(file: File): Promise<string> {
  if (file.size > MAX_IMPORT_BYTES) throw new Error(t('importTooLarge', [file.name, String(Math.round(file.size / 1024 / 1024)), String(MAX_IMPORT_BYTES / 1024 / 1024)]));
  return file.text();
}

/** "2026-11-23", for file names. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
