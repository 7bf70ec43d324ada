import { ClientModel } from './client.model';
import type { VisibleClient } from './clients.service';

/** The GraphQL shape of a client; an integrator's view carries the id only. */
export function toClientModel(visible: VisibleClient): ClientModel {
  const { client } = visible;
  const model = new ClientModel();
  model.id = client.id;
  if (visible.view === 'id_only') {
    return Object.assign(model, {
      givenName: null,
      familyName: null,
      dateOfBirth: null,
      email: null,
      phone: null,
      address: null,
      gpPractice: null,
      emergencyContact: null,
      clinics: null,
      registeredVia: null,
      registeredAt: null,
      erasedAt: null,
    });
  }
  return Object.assign(model, {
    givenName: client.givenName,
    familyName: client.familyName,
    dateOfBirth: client.dateOfBirth,
    email: client.email,
    phone: client.phone,
    address: client.address === null ? null : { ...client.address },
    gpPractice: client.gpPractice === null ? null : { ...client.gpPractice },
    emergencyContact: client.emergencyContact === null ? null : { ...client.emergencyContact },
    clinics: client.clinics.map((clinic) => ({
      clinicId: clinic.clinicId,
      name: visible.clinicNames.get(clinic.clinicId) ?? null,
      since: clinic.since,
    })),
    registeredVia: client.registeredVia,
    registeredAt: client.registeredAt,
    erasedAt: client.erasedAt,
  });
}
