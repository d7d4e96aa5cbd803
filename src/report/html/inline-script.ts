/**
 * A script's source made safe to sit between <script> and </script>: the HTML parser must see neither an end tag
 * nor a comment opener that would change how it finds the end. `<` becomes `\x3C` only where it opens `!--` or
 * `script`: inside the string and regex literals where minified code has them, the escape means the same.
 */
export function inlineScript(source: string): string {
  return source.replace(/<(!--|\/?script)/gi, '\\x3C$1');
}
