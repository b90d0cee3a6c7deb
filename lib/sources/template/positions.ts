import type { LineCounter } from 'yaml';

/** A 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** Where a resource sits in its template: its logical id, and each key under its `Properties`. */
export interface ResourcePositions {
  at: Position;
  /** Keyed by property path below `Properties` (`ConversationLogSettings.AudioLogSettings.0.Destination`). */
  properties: Record<string, Position>;
  /** `closestPosition(properties, path)` of each path, where a source finds them without locating every key. */
  locateAll?(paths: readonly string[]): Array<Position | undefined>;
}

/** Deeper documents are refused: no real template comes close, and the resolver recurses. */
export const MAX_DEPTH = 64;

export function toPosition(lines: LineCounter, offset: number): Position {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/** A key given twice in one mapping: `path` is where (`Resources.Bot`), `line` the second one's line. */
export interface Duplicate {
  key: string;
  path: string;
  line: number;
}

/**
 * Positions of a resource made from another (the SAM transform, a bot definition file): the source
 * resource's own, and each property at the source property it comes from (`[target prefix, source
 * prefix]`, `''` for the whole). Worked out when first asked, as the source's property positions may be.
 */
export class MappedPositions implements ResourcePositions {
  private mapped?: Record<string, Position>;

  constructor(
    private readonly source: ResourcePositions,
    private readonly from: ReadonlyArray<readonly [string, string]>,
  ) {}

  get at(): Position {
    return this.source.at;
  }

  get properties(): Record<string, Position> {
    if (this.mapped) return this.mapped;
    const out: Record<string, Position> = {};
    const source = this.source.properties;
    for (const [target, origin] of this.from) {
      let first: Position | undefined;
      for (const [path, position] of Object.entries(source)) {
        if (origin !== '' && path !== origin && !path.startsWith(`${origin}.`)) continue;
        const rest = origin === '' ? path : path.slice(origin.length + 1);
        const key = target === '' ? rest : rest === '' ? target : `${target}.${rest}`;
        if (key !== '' && !(key in out)) out[key] = position;
        if (!first || position.line < first.line || (position.line === first.line && position.column < first.column)) first = position;
      }
      // A list item has no key of its own: it is where its first key is.
      if (target !== '' && !(target in out) && first) out[target] = first;
    }
    return (this.mapped = out);
  }
}
