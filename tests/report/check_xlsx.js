// Reads a report's XLSX with an independent reader (exceljs) and checks it:
//  - four sheets (staffing, roster, budget, the budget's inputs), each but the last with
//    formulas where totals are;
//  - every formula, re-evaluated here from the cells it refers to (on its sheet or, for the
//    budget, on the inputs sheet), gives the value cached in the file (so the totals are real
//    sums, not pasted numbers);
//  - every cost line and fee of the budget sheet is a formula over the inputs sheet;
//  - the totals equal pm staff's headcount and pm budget's annual and monthly cost and fees,
//    and (given pm roster's JSON) the roster's number of shifts.
// usage: node check_xlsx.js NODE_MODULES REPORT.xlsx STAFF.json BUDGET.json [ROSTER.json]
'use strict';
const path = require('path');
const fs = require('fs');
const [modules, xlsx, staffPath, budgetPath, rosterPath] = process.argv.slice(2);
const ExcelJS = require(path.join(modules, 'exceljs'));

const problems = [];
const close = (a, b, tol = 0.006) => typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= tol;

function colNumber(letters) {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
function parseRef(ref) {
  const m = /^([A-Z]+)([0-9]+)$/.exec(ref);
  return { col: colNumber(m[1]), row: Number(m[2]) };
}

function evaluator(wb, ws) {
  const memo = new Map();
  const others = new Map();
  // 'Sheet'!B5: the value of a cell of another sheet, evaluated there.
  function sheetValue(name, ref) {
    if (!others.has(name)) {
      const other = wb.getWorksheet(name);
      if (!other) throw new Error('no sheet ' + name);
      others.set(name, evaluator(wb, other));
    }
    return others.get(name).value(ref);
  }
  function value(ref) {
    if (memo.has(ref)) return memo.get(ref);
    const cell = ws.getCell(ref);
    let v;
    if (cell.formula) v = evaluate(cell.formula);
    else v = typeof cell.value === 'number' ? cell.value : 0; // text counts as nothing, as in SUM
    memo.set(ref, v);
    return v;
  }
  function range(a, b) {
    const x = parseRef(a), y = parseRef(b), out = [];
    for (let r = x.row; r <= y.row; r++)
      for (let c = x.col; c <= y.col; c++) out.push(value(ws.getCell(r, c).address));
    return out;
  }
  const SUM = (...args) => args.flat().reduce((s, v) => s + v, 0);
  const MIN = (...args) => Math.min(...args.flat());
  const MAX = (...args) => Math.max(...args.flat());
  // Excel's ROUND: on the value to 15 significant digits (as Excel shows and rounds it), half
  // away from zero; 7773845.10 / 12 = 647820.425 rounds to .43 although the double is .42499…
  const p15 = (v) => Number(v.toPrecision(15));
  const ROUND = (x, n) => {
    const f = Math.pow(10, n);
    return (Math.sign(x) * Math.round(p15(Math.abs(p15(x)) * f))) / f;
  };
  function evaluate(formula) {
    // Cells of another sheet first ('Inputs'!B5, quotes doubled inside the name), then this sheet's.
    const names = [];
    const local = formula.replace(/'((?:[^']|'')+)'!([A-Z]{1,3}[0-9]+)/g, (m, name, ref) => {
      names.push(name.replace(/''/g, "'"));
      return `other(${names.length - 1},"${ref}")`;
    });
    const rest = local.replace(/other\([0-9]+,"[A-Z0-9]+"\)/g, '');
    if (!/^[A-Z0-9+\-*/().,: ]+$/.test(rest)) throw new Error('unexpected formula ' + formula);
    const js = local.replace(/(?<!")\b([A-Z]{1,3}[0-9]+)(?::([A-Z]{1,3}[0-9]+))?\b(?!")/g, (m, a, b) =>
      b ? `range("${a}","${b}")` : `value("${a}")`);
    const other = (i, ref) => sheetValue(names[i], ref);
    return Function('range', 'value', 'other', 'SUM', 'MIN', 'MAX', 'ROUND', 'return ' + js)(
      range, value, other, SUM, MIN, MAX, ROUND);
  }
  return { value, evaluate };
}

(async () => {
  const staff = JSON.parse(fs.readFileSync(staffPath, 'utf8'));
  const budget = JSON.parse(fs.readFileSync(budgetPath, 'utf8'));
  const roster = rosterPath ? JSON.parse(fs.readFileSync(rosterPath, 'utf8')) : null;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  // staffing, roster, budget, inputs, and the references the source columns' marks refer to.
  if (wb.worksheets.length !== 5) problems.push(`expected 5 sheets, found ${wb.worksheets.length}`);
  const results = [[], [], [], [], []]; // per sheet: {formula, result}
  wb.worksheets.forEach((ws, i) => {
    const ev = evaluator(wb, ws);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (!cell.formula) return;
        const cached = cell.result;
        const again = ev.evaluate(cell.formula);
        if (!close(again, cached)) problems.push(`${ws.name}!${cell.address}: =${cell.formula} gives ${again}, the file caches ${cached}`);
        results[i].push({ formula: cell.formula, result: cached, address: cell.address });
      }),
    );
  });
  const [staffing, rosterSheet, budgetSheet] = results;
  // Each cost line (and each fee) is computed from the inputs sheet: as many formulas refer to
  // it as the budget has lines, and more for the fees.
  const inputsName = wb.worksheets[3] ? wb.worksheets[3].name : '';
  const fromInputs = budgetSheet.filter((r) => r.formula.includes(`'${inputsName.replace(/'/g, "''")}'!`));
  // A cost budget (no fee charged) has no fee formulas.
  if (fromInputs.length < budget.lines.length + (budget.fee_charged ? 3 : 0))
    problems.push(`only ${fromInputs.length} budget formulas use the inputs sheet, for ${budget.lines.length} lines`);
  const sums = (rs) => rs.filter((r) => r.formula.startsWith('SUM('));
  if (!sums(staffing).length) problems.push('the staffing sheet has no SUM formula');
  if (!sums(budgetSheet).length) problems.push('the budget sheet has no SUM formula');
  const has = (rs, v, what) => {
    if (!rs.some((r) => close(r.result, v))) problems.push(`no formula gives ${what} = ${v}`);
  };
  has(sums(staffing), staff.total, 'the staffing total');
  has(sums(budgetSheet), budget.annual_cost, 'the annual cost');
  has(budgetSheet, budget.monthly_cost, 'the monthly cost');
  for (const [k, v] of Object.entries(budget.fee_per_m2_month || {})) has(budgetSheet, v, `the ${k} fee`);
  if (staff.posts.length) {
    const people = staff.posts.filter((p) => !p.duty).reduce((s, p) => s + p.people, 0);
    has(sums(rosterSheet), people, 'the people of the covered posts');
  }
  // Shifts worked: on-call nights (hours 0, the butlers' 值) are duties, not shifts.
  if (roster)
    has(sums(rosterSheet), roster.assignments.filter((a) => a.hours > 0).length, 'the number of shifts in the roster');

  if (problems.length) {
    console.log(problems.join('\n'));
    process.exit(1);
  }
  console.log(`ok: ${xlsx}: ${results.flat().length} formulas re-evaluated; staff ${staff.total}, annual ${budget.annual_cost}`);
})().catch((e) => {
  console.log(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
