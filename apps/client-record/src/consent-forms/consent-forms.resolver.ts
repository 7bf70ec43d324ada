import { Query, Resolver } from '@nestjs/graphql';
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
}
