import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Treatment } from './domain/treatment';
import { TreatmentEntity } from './treatment.entity';

@Injectable()
export class CatalogueRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async activeTreatments(): Promise<Treatment[]> {
    const rows = await this.dataSource.manager.find(TreatmentEntity, {
      where: { active: true },
      order: { durationMinutes: 'ASC', code: 'ASC' },
    });
    return rows.map(({ active: _active, ...treatment }) => treatment);
  }
}
