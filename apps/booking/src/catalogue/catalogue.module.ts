import { Module } from '@nestjs/common';
import { CatalogueRepository } from './catalogue.repository';
import { CatalogueResolver } from './catalogue.resolver';
import { CatalogueService } from './catalogue.service';

@Module({
  providers: [CatalogueRepository, CatalogueService, CatalogueResolver],
  exports: [CatalogueService],
})
export class CatalogueModule {}
