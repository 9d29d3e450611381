import { z } from 'zod';
import { PURPOSES } from '../domain/consents';

/**
 * Dataportabiliteit (AVG art. 20): the data a parent gave us that we process with consent or for
 * the contract, in a machine-readable file another organisation can take in. Not included: the
 * BSN (processed for a legal obligation), the group (our own planning), pickup bans and
 * identifications (recorded by staff). The published JSON Schema (portability.schema.json beside
 * this file) is generated from this definition; a test keeps the two identical.
 */
export const PORTABILITY_FORMAT = 'kinderopvang-dataportabiliteit';
export const PORTABILITY_VERSION = 1;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('Datum als JJJJ-MM-DD');
const nullableText = z.string().nullable();

const PortableParent = z
  .object({
    firstName: z.string().describe('Voornaam'),
    initials: nullableText.describe('Voorletters'),
    surnamePrefix: nullableText.describe('Tussenvoegsel'),
    surname: z.string().describe('Achternaam'),
    email: nullableText.describe('E-mailadres'),
    phone: nullableText.describe('Telefoonnummer'),
    hasParentalAuthority: z.boolean().describe('Ouderlijk gezag'),
    isContractParent: z.boolean().describe('Contractouder (tekende het opvangcontract)'),
  })
  .strict();

const PortableChild = z
  .object({
    firstName: z.string(),
    initials: nullableText,
    surnamePrefix: nullableText,
    surname: z.string(),
    birthDate: date,
    contracts: z.array(
      z
        .object({
          careType: z.enum(['dagopvang', 'bso', 'peuteropvang']),
          days: z.array(z.enum(['ma', 'di', 'wo', 'do', 'vr'])),
          hoursPerWeek: z.number(),
          startDate: date,
          endDate: date.nullable(),
        })
        .strict(),
    ),
    medical: z
      .object({ allergies: nullableText, diet: nullableText, medication: nullableText, otherParticulars: nullableText })
      .strict()
      .nullable()
      .describe('Medische gegevens en bijzonderheden'),
    pickupPersons: z.array(z.object({ name: z.string(), relation: z.string(), phone: nullableText, validUntil: date.nullable() }).strict()).describe('Ophaalpersonen'),
    photoConsents: z
      .array(
        z
          .object({
            purpose: z.enum(PURPOSES),
            given: z.boolean(),
            recognisable: z.boolean(),
            decidedOn: date,
            channel: z.enum(['signed_form', 'parent_portal', 'email']),
          })
          .strict(),
      )
      .describe('Toestemmingen beeldmateriaal, oudste eerst'),
  })
  .strict();

export const PortabilityExport = z
  .object({
    format: z.literal(PORTABILITY_FORMAT),
    version: z.literal(PORTABILITY_VERSION),
    exportedOn: date,
    source: z.object({ organisation: z.string(), lrkNumber: z.string() }).strict(),
    parent: PortableParent,
    household: z
      .object({ street: z.string(), houseNumber: z.string(), postcode: z.string(), city: z.string(), iban: nullableText, ibanHolder: nullableText })
      .strict()
      .nullable()
      .describe('Adres en IBAN; alleen bij de contractouder'),
    children: z.array(PortableChild).describe('Kinderen van wie de contractouder de rechten uitoefent'),
  })
  .strict()
  .describe('Dataportabiliteit (AVG artikel 20): gegevens die de ouder zelf verstrekte, verwerkt op grond van toestemming of het contract');
export type PortabilityExport = z.infer<typeof PortabilityExport>;

/** The JSON Schema as published in the repository (`npx tsx scripts/portability-schema.ts` writes it). */
export const publishedPortabilitySchema = () => ({
  $id: 'https://kinderopvang.example/schemas/dataportabiliteit-v1.json',
  title: 'Dataportabiliteit kinderopvang, versie 1',
  ...z.toJSONSchema(PortabilityExport, { target: 'draft-2020-12' }),
});
