// Script data states (https://html.spec.whatwg.org/#script-data-state, 13.2.5.4 and 13.2.5.15–13.2.5.31).
// "<!--" inside a script starts the escaped states, and a "<script" inside those starts the double-escaped
// states in which "</script>" does not end the element: `<script><!--<script></script>x</script>` ends at
// the second end tag. The cleaner removes scripts whole, so this decides how much it removes.

type State =
  | 'data' | 'lt' | 'endOpen' | 'endName'
  | 'escStart' | 'escStartDash' | 'esc' | 'escDash' | 'escDashDash' | 'escLt' | 'escEndOpen' | 'escEndName'
  | 'dblStart' | 'dbl' | 'dblDash' | 'dblDashDash' | 'dblLt' | 'dblEnd';

const alpha = (c: string): boolean => /^[A-Za-z]$/.test(c);
const endChar = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r' || c === '/' || c === '>';

/** Offset of the "<" of the end tag that closes a script whose content starts at `pos`, or the input length. */
export function scriptDataEnd(html: string, pos: number): number {
  let state: State = 'data';
  let buf = '';
  let tagStart = -1;
  for (let i = pos; i < html.length; i++) {
    const c = html[i] as string;
    switch (state) {
      case 'data':
        if (c === '<') { state = 'lt'; tagStart = i; }
        break;
      case 'lt':
        if (c === '/') { buf = ''; state = 'endOpen'; }
        else if (c === '!') state = 'escStart';
        else { state = 'data'; i--; }
        break;
      case 'endOpen':
      case 'escEndOpen':
        if (alpha(c)) { buf = ''; i--; state = state === 'endOpen' ? 'endName' : 'escEndName'; }
        else { state = state === 'endOpen' ? 'data' : 'esc'; i--; }
        break;
      case 'endName':
      case 'escEndName':
        if (endChar(c) && buf === 'script') return tagStart;
        if (alpha(c)) buf += c.toLowerCase();
        else { state = state === 'endName' ? 'data' : 'esc'; i--; }
        break;
      case 'escStart':
        if (c === '-') state = 'escStartDash';
        else { state = 'data'; i--; }
        break;
      case 'escStartDash':
        if (c === '-') state = 'escDashDash';
        else { state = 'data'; i--; }
        break;
      case 'esc':
        if (c === '-') state = 'escDash';
        else if (c === '<') { state = 'escLt'; tagStart = i; }
        break;
      case 'escDash':
        if (c === '-') state = 'escDashDash';
        else if (c === '<') { state = 'escLt'; tagStart = i; }
        else state = 'esc';
        break;
      case 'escDashDash':
        if (c === '<') { state = 'escLt'; tagStart = i; }
        else if (c === '>') state = 'data';
        else if (c !== '-') state = 'esc';
        break;
      case 'escLt':
        if (c === '/') state = 'escEndOpen';
        else if (alpha(c)) { buf = ''; state = 'dblStart'; i--; }
        else { state = 'esc'; i--; }
        break;
      case 'dblStart':
      case 'dblEnd':
        if (endChar(c)) {
          const isScript = buf === 'script';
          state = state === 'dblStart' ? (isScript ? 'dbl' : 'esc') : (isScript ? 'esc' : 'dbl');
        } else if (alpha(c)) buf += c.toLowerCase();
        else { state = state === 'dblStart' ? 'esc' : 'dbl'; i--; }
        break;
      case 'dbl':
        if (c === '-') state = 'dblDash';
        else if (c === '<') state = 'dblLt';
        break;
      case 'dblDash':
        if (c === '-') state = 'dblDashDash';
        else if (c === '<') state = 'dblLt';
        else state = 'dbl';
        break;
      case 'dblDashDash':
        if (c === '<') state = 'dblLt';
        else if (c === '>') state = 'data';
        else if (c !== '-') state = 'dbl';
        break;
      case 'dblLt':
        if (c === '/') { buf = ''; state = 'dblEnd'; }
        else { state = 'dbl'; i--; }
        break;
    }
  }
  return html.length;
}
