import { Module } from '@nestjs/common';
import { ConsentFormsRepository } from './consent-forms.repository';
import { ConsentFormsResolver } from './consent-forms.resolver';
import { ConsentFormsService } from './consent-forms.service';

@Module({
  providers: [ConsentFormsRepository, ConsentFormsService, ConsentFormsResolver],
  exports: [ConsentFormsService],
})
export class ConsentFormsModule {}
