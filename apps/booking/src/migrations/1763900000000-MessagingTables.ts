import { MigrationInterface, QueryRunner } from 'typeorm';
import { MessagingTables } from '@app/messaging';

export class MessagingTables1763900000000 implements MigrationInterface {
  name = 'MessagingTables1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await MessagingTables.up(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await MessagingTables.down(queryRunner);
  }
}
