import { Module } from '@nestjs/common';
import { TherapistsModule } from '../therapists/therapists.module';
import { CertificationExpiryJob } from './certification-expiry.job';
import { CertificationsRepository } from './certifications.repository';
import { CertificationsResolver } from './certifications.resolver';
import { CertificationsService } from './certifications.service';
import { TherapistCertificationsResolver } from './therapist-certifications.resolver';

@Module({
  imports: [TherapistsModule],
  providers: [
    CertificationsRepository,
    CertificationsService,
    CertificationsResolver,
    TherapistCertificationsResolver,
    CertificationExpiryJob,
  ],
  exports: [CertificationExpiryJob],
})
export class CertificationsModule {}
