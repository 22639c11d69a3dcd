// Page text printed to a terminal: control characters (C0 but tab and newline, DEL, C1 including the
// 8-bit CSI) become spaces, so a hostile page cannot move the cursor or recolour the screen.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function forTerminal(text: string): string {
  return text.replace(CONTROL, ' ');
}
