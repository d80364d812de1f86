import type { ExportArtifact } from './export-artifact.ts';

export type SaveOutcome = 'shared' | 'downloaded' | 'cancelled';

/**
 * Shares the file with the Web Share API where the browser can share files (phones:
 * mail, Signal, Teams …), else downloads it. Nothing is uploaded by the app itself.
 */
export async function saveOrShare(artifact: ExportArtifact, preferShare: boolean): Promise<SaveOutcome> {
  const file = new File([artifact.body], artifact.fileName, { type: artifact.mimeType });
  if (preferShare && typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] })) {
    try {
      await navigator.share({ files: [file], title: artifact.fileName });
      return 'shared';
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
      // Sharing failed for another reason: fall back to a download, which always works.
    }
  }
  download(file);
  return 'downloaded';
}

export function download(file: File): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function canShareFiles(): boolean {
  if (typeof navigator.canShare !== 'function') return false;
  try {
    return navigator.canShare({ files: [new File(['{}'], 'x.json', { type: 'application/json' })] });
  } catch {
    return false;
  }
}
