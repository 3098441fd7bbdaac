/** An uploaded file in 64 KiB slices, so the CSV parser hands over rows a batch at a time instead of all at once. */
export async function* fileSlices(file: Blob, size = 65_536): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < file.size; start += size) yield new Uint8Array(await file.slice(start, start + size).arrayBuffer());
}
