/**
 * Naming the kind of a path that is not a regular file or a folder, for issue messages.
 */

/**
 * What a non-regular path is, for messages: a FIFO, a socket, a device.
 *
 * @example
 * fileKind(await stat('/dev/null')) // → 'character device'
 */
export function fileKind(info: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (info.isFIFO()) return 'FIFO';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice()) return 'character device';
  if (info.isBlockDevice()) return 'block device';
  return 'not a file';
}
