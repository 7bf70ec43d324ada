import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { graphiqlAssetPath, graphiqlPage, GRAPHIQL_ASSETS } from './graphiql-page';

/** An offline GraphQL IDE: GraphiQL and React served from node_modules, no CDN. */
@Controller('graphiql')
export class GraphiqlController {
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  page(): string {
    return graphiqlPage('/graphql');
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() response: Response): void {
    const path = graphiqlAssetPath(file);
    if (path === undefined) {
      throw new NotFoundException(
        `no IDE asset ${file}; known: ${Object.keys(GRAPHIQL_ASSETS).join(', ')}`,
      );
    }
    response.sendFile(path, { maxAge: '1h' });
  }
}
