import { Parent, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { ConsentFormModel } from './consent-form.model';
import { ConsentFormsService } from './consent-forms.service';

@Resolver(() => ConsentFormModel)
export class ConsentFormsResolver {
  constructor(private readonly forms: ConsentFormsService) {}

  @Query(() => [ConsentFormModel], { description: 'The current version of each consent form.' })
  async consentForms(): Promise<ConsentFormModel[]> {
    return (await this.forms.currentForms()).map((form) =>
      Object.assign(new ConsentFormModel(), form),
    );
  }

  @ResolveReference()
  async resolveReference(
    @Parent() reference: { __typename: string; id: string },
  ): Promise<ConsentFormModel | null> {
    const form = await this.forms.byId(reference.id);
    return form === undefined ? null : Object.assign(new ConsentFormModel(), form);
  }
}
