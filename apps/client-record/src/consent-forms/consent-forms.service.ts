import { Injectable } from '@nestjs/common';
import { ConsentFormsRepository } from './consent-forms.repository';
import { ConsentForm } from './domain/consent-form';

@Injectable()
export class ConsentFormsService {
  constructor(private readonly forms: ConsentFormsRepository) {}

  async currentForms(): Promise<ConsentForm[]> {
    return this.forms.currentForms();
  }

  async byId(id: string): Promise<ConsentForm | undefined> {
    return this.forms.findById(id);
  }
}
