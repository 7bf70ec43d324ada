import { bootstrapService } from '@app/platform';
import { BookingModule } from './booking.module';
import { bookingDefinition } from './booking.definition';
import { rebuildProjectionsCommand } from './projections/rebuild/rebuild-projections.command';

if (process.argv[2] === 'rebuild-projections') {
  void rebuildProjectionsCommand();
} else {
  void bootstrapService(bookingDefinition, (config, logger) =>
    BookingModule.forRoot(config, logger),
  );
}
