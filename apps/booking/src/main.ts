import { bootstrapService } from '@app/platform';
import { BookingModule } from './booking.module';
import { bookingDefinition } from './booking.definition';
import { rebuildProjectionsCommand } from './projections/rebuild/rebuild-projections.command';

const USAGE = [
  'usage: node dist/apps/booking/src/main.js                      serve the booking service',
  '       node dist/apps/booking/src/main.js migrate              apply its migrations and exit',
  '       node dist/apps/booking/src/main.js rebuild-projections  rebuild its projections from the events and exit',
].join('\n');

const [command, ...rest] = process.argv.slice(2);

if (command === 'rebuild-projections' && rest.length === 0) {
  void rebuildProjectionsCommand();
} else if ((command === undefined || command === 'migrate') && rest.length === 0) {
  void bootstrapService(bookingDefinition, (config, logger) =>
    BookingModule.forRoot(config, logger),
  );
} else {
  // Never serve on a mistyped command: say what the commands are and stop.
  const wrong =
    rest.length === 0
      ? `unknown command "${command}"`
      : `unexpected "${rest.join(' ')}" after "${command ?? ''}"`;
  process.stderr.write(`booking: ${wrong}; nothing was done.\n${USAGE}\n`);
  process.exitCode = 2;
}
