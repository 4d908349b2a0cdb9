// A tool's result as readable JSON. Everything is rendered as text — a title or a field that
// holds markup shows the markup, it never becomes part of the page — and images a tool answers
// as data: URLs are shown inline below the JSON.

/** data: URLs of images anywhere in the result (at most a few, of a sane size). */
function imagesIn(value: unknown, found: string[] = []): string[] {
  if (found.length >= 4) return found;
  if (typeof value === 'string') {
    if (
      /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/.test(value) &&
      value.length < 5_000_000
    ) {
      found.push(value);
    }
  } else if (Array.isArray(value)) {
    for (const item of value) imagesIn(item, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) imagesIn(item, found);
  }
  return found;
}

export function ResultView(props: { value: unknown }) {
  const images = imagesIn(props.value);
  return (
    <div class="result">
      <pre class="json" data-testid="tool-result">
        {JSON.stringify(props.value, null, 2)}
      </pre>
      {images.map((src, index) => (
        <img
          key={src.slice(-32)}
          src={src}
          alt={`Returned by the tool (${index + 1})`}
          class="result-image"
        />
      ))}
    </div>
  );
}
