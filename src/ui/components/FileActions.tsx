// A file the user takes away: a download link always, and the share sheet (Web Share API with a
// file) where the platform has one — a filled form or a pack goes straight to another app.
import { useEffect, useState } from 'preact/hooks';

type FileActionsProps = { file: File; downloadLabel: string; shareLabel: string };

export function FileActions({ file, downloadLabel, shareLabel }: FileActionsProps) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(file);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [file]);
  const canShare =
    typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] });
  return (
    <>
      {url && (
        <a class="button" href={url} download={file.name}>
          {downloadLabel}
        </a>
      )}
      {canShare && (
        <button
          type="button"
          class="button"
          onClick={() => {
            navigator.share({ files: [file], title: file.name }).catch(() => {
              // The user closed the share sheet: nothing to report.
            });
          }}
        >
          {shareLabel}
        </button>
      )}
    </>
  );
}
