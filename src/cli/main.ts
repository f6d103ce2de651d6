/**
 * `councilgraph <command>`: each command lives in its own module under ./commands and is
 * loaded only when asked for, so `councilgraph eval` does not pay for the GraphQL server.
 */
import { CliError } from './errors.ts';

export interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  start: () => import('./commands/start.ts'),
  extract: () => import('./commands/extract.ts'),
  eval: () => import('./commands/eval.ts'),
  ingest: () => import('./commands/ingest.ts'),
  remove: () => import('./commands/remove.ts'),
  export: () => import('./commands/export.ts'),
  serve: () => import('./commands/serve.ts'),
  query: () => import('./commands/query.ts'),
  correct: () => import('./commands/correct.ts'),
};

async function help(): Promise<string> {
  const lines = ['usage: councilgraph <command> [options]', '', 'commands:'];
  for (const [name, load] of Object.entries(COMMANDS)) {
    try {
      const { command } = await load();
      lines.push(`  ${name.padEnd(8)} ${command.summary}`);
    } catch {
      lines.push(`  ${name.padEnd(8)} (unavailable in this build)`);
    }
  }
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(await help());
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`councilgraph: unknown command '${name}'. Run 'councilgraph --help' for the list.`);
    return 2;
  }
  const { command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`${command.summary}\n\nusage: ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof CliError) {
      console.error(`councilgraph ${name}: ${err.message}`);
      return err.exitCode;
    }
    throw err;
  }
}
