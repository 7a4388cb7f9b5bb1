// `backoffice rate FILE` without the command registry: only the rate command's own imports are loaded.
// bench/rating.ts runs it to show how much of the CLI's time is the start-up of the other commands.
import { rateCommand } from '../../core/cli/commands/rate';
import { processIO } from '../../core/cli/io';

process.exitCode = await rateCommand.run(process.argv.slice(2), processIO);
