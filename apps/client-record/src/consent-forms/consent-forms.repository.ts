import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConsentFormEntity } from './consent-form.entity';
import { ConsentForm } from './domain/consent-form';

@Injectable()
export class ConsentFormsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The newest version of each kind of form. */
  async currentForms(): Promise<ConsentForm[]> {
    return this.dataSource.manager
      .createQueryBuilder(ConsentFormEntity, 'form')
      .distinctOn(['form.kind'])
      .orderBy('form.kind', 'ASC')
      .addOrderBy('form.version', 'DESC')
      .getMany();
  }

  async findById(id: string): Promise<ConsentForm | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) {
      return undefined;
    }
    return (await this.dataSource.manager.findOneBy(ConsentFormEntity, { id })) ?? undefined;
  }
}
