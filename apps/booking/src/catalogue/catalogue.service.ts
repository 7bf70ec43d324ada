import { Injectable } from '@nestjs/common';
import { CatalogueRepository } from './catalogue.repository';
import { Treatment } from './domain/treatment';

@Injectable()
export class CatalogueService {
  constructor(private readonly catalogue: CatalogueRepository) {}

  /** The network catalogue. Every clinic offers it all until clinic choices exist. */
  async treatments(): Promise<Treatment[]> {
    return this.catalogue.activeTreatments();
  }

  async treatment(id: string): Promise<Treatment | undefined> {
    return (await this.catalogue.activeTreatments()).find((treatment) => treatment.id === id);
  }
}
