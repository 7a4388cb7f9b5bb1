import { useRef, useState, type DragEvent } from 'react';

/** A place to drop one file, with a button that opens the file picker for people who do not drag. */
export function FileDropZone({
  hint,
  pickLabel,
  accept,
  onFile,
}: {
  hint: string;
  pickLabel: string;
  accept: string;
  onFile: (file: File) => void;
}) {
  const picker = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  }

  return (
    <div
      className={over ? 'dropzone dropzone--over' : 'dropzone'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p>{hint}</p>
      <button type="button" onClick={() => picker.current?.click()}>
        {pickLabel}
      </button>
      <input
        ref={picker}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        accept={accept}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
    </div>
  );
}
