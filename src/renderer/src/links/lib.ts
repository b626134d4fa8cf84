import { formatBytes } from '../library/lib'

/** What the progress line says for a download: "120 KB of 300 KB", "120 KB" when the size is unknown. */
export function progressLabel(received: number, total: number | null): string {
  return total ? `${formatBytes(received)} of ${formatBytes(total)}` : formatBytes(received)
}
