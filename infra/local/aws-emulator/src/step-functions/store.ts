import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage } from '../aws-json.ts';
import type { ExecutionRecord, StateMachineRecord } from './records.ts';

export interface StoredState {
  stateMachines: StateMachineRecord[];
  definitions: Map<string, string>;
  executions: ExecutionRecord[];
  /** Files that could not be read, for the log. */
  problems: string[];
}

/**
 * Keeps state machines, definition revisions and executions as JSON files under `dir`
 * (or nowhere without a dir). Each write goes to a temp file that is then renamed over the old
 * one, so a crash leaves either the old or the new file, never half of one.
 */
export class ExecutionStore {
  readonly #dir: string | undefined;
  /** Directories known to exist, so a save (one per state change) does not ask the file system again. */
  readonly #madeDirs = new Set<string>();
  #sequence = 0;

  constructor(dir: string | undefined) {
    this.#dir = dir;
    if (dir === undefined) return;
    for (const sub of ['state-machines', 'definitions', 'executions']) this.#makeDir(join(dir, sub));
  }

  saveStateMachine(record: StateMachineRecord): void {
    this.#write(['state-machines', `${fileName(record.name)}.json`], record);
  }

  saveDefinition(hash: string, text: string): void {
    this.#write(['definitions', `${hash}.json`], { hash, text });
  }

  saveExecution(record: ExecutionRecord): void {
    this.#write(['executions', fileName(record.stateMachineName), `${fileName(record.name)}.json`], record);
  }

  load(): StoredState {
    const state: StoredState = { stateMachines: [], definitions: new Map(), executions: [], problems: [] };
    const dir = this.#dir;
    if (dir === undefined) return state;
    for (const file of jsonFiles(join(dir, 'state-machines'))) {
      const record = readJson(file, state.problems);
      if (record !== undefined) state.stateMachines.push(record as StateMachineRecord);
    }
    for (const file of jsonFiles(join(dir, 'definitions'))) {
      const record = readJson(file, state.problems) as { hash?: unknown; text?: unknown } | undefined;
      if (typeof record?.hash === 'string' && typeof record.text === 'string') {
        state.definitions.set(record.hash, record.text);
      }
    }
    for (const machineDir of readdirSync(join(dir, 'executions'), { withFileTypes: true })) {
      if (!machineDir.isDirectory()) continue;
      for (const file of jsonFiles(join(dir, 'executions', machineDir.name))) {
        const record = readJson(file, state.problems);
        if (record !== undefined) state.executions.push(record as ExecutionRecord);
      }
    }
    state.executions.sort((a, b) => a.startDate - b.startDate);
    return state;
  }

  #write(path: string[], value: unknown): void {
    if (this.#dir === undefined) return;
    const file = join(this.#dir, ...path);
    if (path.length > 2) this.#makeDir(join(this.#dir, ...path.slice(0, -1)));
    this.#sequence += 1;
    const temp = `${file}.${process.pid}.${this.#sequence}.tmp`;
    writeFileSync(temp, JSON.stringify(value));
    renameSync(temp, file);
  }

  #makeDir(dir: string): void {
    if (this.#madeDirs.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.#madeDirs.add(dir);
  }
}

/** Names may hold characters a file name cannot; encoded, every name maps to one file. */
function fileName(name: string): string {
  return encodeURIComponent(name);
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(dir, name));
}

function readJson(file: string, problems: string[]): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${file}: ${errorMessage(error)}`);
    return undefined;
  }
}
