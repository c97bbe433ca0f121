// Which objective or KR a line belongs to.
import type { Analysis } from '../../engine/analyze';
import type { KrProgress, ObjectiveProgress } from '../../engine/progress/types';

export interface Located {
  objective?: ObjectiveProgress;
  kr?: KrProgress;
}

export function locate(analysis: Analysis, line: number): Located {
  for (const objective of analysis.progress.objectives) {
    const block = objective.objective.blockRange;
    if (line < block.start.line || line > block.end.line) continue;
    for (const kr of objective.keyResults) {
      if (line >= kr.kr.blockRange.start.line && line <= kr.kr.blockRange.end.line) return { objective, kr };
    }
    return { objective };
  }
  return {};
}
