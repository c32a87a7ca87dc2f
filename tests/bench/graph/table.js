// A Markdown table, first column left-aligned, the others right-aligned.
export function printTable(rows) {
  let widths = rows[0].map((_, c) => Math.max(...rows.map(r => r[c].length)))
  let line = r =>
    '| ' +
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ') +
    ' |'
  console.log(line(rows[0]))
  console.log(
    '|' + widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|'
  )
  for (let r of rows.slice(1)) console.log(line(r))
}
