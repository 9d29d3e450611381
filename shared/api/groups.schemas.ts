import { z } from 'zod';
import { zm } from '../i18n/translate';
import { CareType } from './clients.schemas';
import { Id, required, text } from './schemas';

/** Months: up to 18 years (216 months) covers BSO. */
const months = (label: 'groups.field.ageFrom' | 'groups.field.ageTo') =>
  z
    .number({ error: required(label) })
    .int(zm('groups.wholeMonths'))
    .min(0, zm('groups.ageRange'))
    .max(216, zm('groups.ageRange'));

const groupShape = {
  name: text('groups.field.name', 60),
  careType: CareType,
  ageFromMonths: months('groups.field.ageFrom'),
  ageToMonths: months('groups.field.ageTo'),
  capacity: z
    .number({ error: required('groups.field.capacity') })
    .int(zm('groups.capacityRange'))
    .min(1, zm('groups.capacityRange'))
    .max(100, zm('groups.capacityRange')),
};
const ageOrder = (v: { ageFromMonths: number; ageToMonths: number }, ctx: z.RefinementCtx) => {
  if (v.ageToMonths <= v.ageFromMonths) ctx.addIssue({ code: 'custom', message: zm('groups.ageOrder'), path: ['ageToMonths'] });
};

export const GroupInput = z.object(groupShape).superRefine(ageOrder);
export const GroupUpdateInput = z.object({ id: Id, ...groupShape }).superRefine(ageOrder);

export const Group = z.object({
  id: z.string(),
  name: z.string(),
  /** Null for a group carried over from free text until the manager fills it in. */
  careType: CareType.nullable(),
  ageFromMonths: z.number().int().nullable(),
  ageToMonths: z.number().int().nullable(),
  capacity: z.number().int().nullable(),
  archived: z.boolean(),
  /** Children in the group now. */
  children: z.number().int(),
  /** "Mogelijk dubbel": the other groups whose name is the same but for case and spaces. */
  possibleDuplicates: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type Group = z.infer<typeof Group>;

/** Merge `fromId` into `intoId`: its children move, it goes. */
export const GroupMergeInput = z
  .object({ fromId: Id, intoId: Id })
  .refine((v) => v.fromId !== v.intoId, { message: zm('groups.mergeSame'), path: ['intoId'] });
