// Generates realistic .okr documents of any size for benchmarks.
const UP = ['Increase', 'Grow', 'Raise'];
const DOWN = ['Reduce', 'Cut', 'Lower'];
const METRICS = [
  ['weekly active teams', ' teams', 1200, 1500],
  ['total dollars invoiced 60+ days past due', '$M', 24, 12],
  ['median first reply time', ' hours', 9, 2],
  ['30-day churn of new customers', '%', 9, 5],
  ['net promoter score', '', 40, 55],
];

function fmt(value, unit) {
  if (unit === '$M') return `$${value}M`;
  if (unit === '%') return `${value}%`;
  return `${value}${unit}`;
}

/** A document with `objectives` objectives of `krs` KRs each (about 10 lines a KR). */
export function generateDocument(objectives = 100, krs = 3) {
  const lines = ['# Generated benchmark OKRs', 'period 2026-Q2', 'team Benchmark', ''];
  for (let o = 0; o < objectives; o++) {
    lines.push(`objective Make onboarding number ${o} smooth enough that new customers stay`);
    lines.push('  why Half of churned customers leave in their first 30 days.');
    lines.push(`  owner Owner ${o}`);
    for (let k = 0; k < krs; k++) {
      const [name, unit, from, to] = METRICS[(o + k) % METRICS.length];
      const verb = (to > from ? UP : DOWN)[(o + k) % 3];
      const mid = Math.round(((from + to) / 2) * 10) / 10;
      lines.push(`  kr ${verb} ${name} in region ${o} from ${fmt(from, unit)} to ${fmt(to, unit)} by 2026-06-30`);
      lines.push(`    baseline ${fmt(from, unit)} on 2026-04-01`);
      lines.push(`    target ${fmt(to, unit)} by 2026-06-30`);
      lines.push(`    checkin 2026-04-15 ${fmt(from, unit)} on-track`);
      lines.push(`    checkin 2026-05-01 ${fmt(mid, unit)} at-risk "Slower than planned"`);
      lines.push(`    checkin 2026-05-15 ${fmt(mid, unit)} on-track`);
      lines.push('    task [x] Interview ten customers');
      lines.push('    task Ship the guided tour');
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Repeats objectives until the document reaches `bytes`. */
export function generateDocumentOfSize(bytes) {
  const one = generateDocument(1, 3);
  const count = Math.ceil(bytes / one.length);
  return generateDocument(count, 3);
}

/** A company file with ten objectives named by ids, and `teams` team files that align to them (and all to goal 0). */
export function generateAlignedWorkspace(teams = 1000) {
  const company = ['period 2026', 'team Company', ''];
  for (let g = 0; g < 10; g++) {
    company.push(`objective Company goal number ${g} that every team contributes to`, `  id company-goal-${g}`, '  why The whole company moves together this year.');
    company.push(`  kr Increase weekly active teams in segment ${g} from 1,200 teams to 1,500 teams by 2026-12-31`, '    baseline 1,200 teams on 2026-01-01', '    target 1,500 teams by 2026-12-31', '    checkin 2026-04-30 1,300 teams', '');
  }
  const files = { 'company.okr': company.join('\n') };
  const team = generateDocument(1, 3).split('\n');
  const objectiveLine = team.findIndex((l) => l.startsWith('objective '));
  const krLine = team.findIndex((l) => l.startsWith('  kr '));
  for (let i = 0; i < teams; i++) {
    const lines = [...team];
    lines[objectiveLine] = `${lines[objectiveLine]}\n  id team-${i}-goal\n  aligns company-goal-${i % 10}`;
    // Every team's first KR also feeds company goal 0, so that renaming it touches every file.
    lines[krLine] = `${lines[krLine]}\n    aligns company-goal-0`;
    files[`team-${i}.okr`] = lines.join('\n').replace('team Benchmark', `team Team ${i}`);
  }
  return files;
}
