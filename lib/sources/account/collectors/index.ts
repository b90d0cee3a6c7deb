import type { Collector } from '../collector';
import { lexBots } from './lex-bots';

/** Every collector of the live audit, in the order a run starts them. */
export const ALL_COLLECTORS: readonly Collector[] = [lexBots];
