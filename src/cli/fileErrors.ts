/**
 * A file-system failure said in one line of plain Chinese with what to do — never a bare error code
 * ("ELOOP") the user cannot act on.
 */
function why(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return '找不到这个文件，请检查路径和文件名';
    case 'EISDIR':
      return '这是文件夹，不是工作簿';
    case 'ENOTDIR':
      return '路径中有一段不是文件夹，请检查路径';
    case 'ELOOP':
      return '它是循环指向自身的快捷方式（符号链接），请给出实际的文件';
    case 'EACCES':
    case 'EPERM':
      return '没有访问权限，请检查文件权限或换一个位置';
    case 'EBUSY':
      return '文件正被其他程序占用，请关闭后重试';
    case 'ENAMETOOLONG':
      return '路径或文件名太长，请移到较短的路径下';
    case 'ENOSPC':
      return '磁盘空间不足';
    case 'EROFS':
      return '所在位置只读，请换一个可写的位置';
    case 'EMFILE':
    case 'ENFILE':
      return '同时打开的文件太多，请稍后重试';
    default:
      return `系统错误${code ? ` ${code}` : ''}，请检查文件是否可以正常打开`;
  }
}

/** The message for a file that could not be read. */
export function readErrorMessage(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return `找不到文件“${file}”。`;
  if (code === 'EISDIR') return `“${file}”是文件夹，不是工作簿。`;
  return `无法打开文件“${file}”：${why(code)}。`;
}

/** The message for a file that could not be written. */
export function writeErrorMessage(out: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') return `无法写入“${out}”：文件可能正在 Excel 中打开或没有写入权限，请关闭后重试。`;
  return `无法写入“${out}”：${why(code)}。`;
}
