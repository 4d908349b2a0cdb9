import { arch, cpus, freemem, release, totalmem, type } from 'node:os';

/** What the numbers were measured on: they mean little without it. */
export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: string;
  node: string;
  os: string;
  date: string;
}

/** Describes this machine and the moment of the run. */
export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    ramGiB: `${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} free at start)`,
    node: process.version,
    os: `${type()} ${release()} ${arch()}`,
    date: new Date().toISOString(),
  };
}
