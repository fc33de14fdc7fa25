import { z } from 'zod';

/** A printed count: a non-negative integer, or null when the cell could not be read. */
const Count = z.number().int().nonnegative().nullable();
/** An amount (万元 or as printed): a non-negative decimal, or null. */
const Amount = z.number().nonnegative().nullable();
/** 2019 本年增/减 may be negative. */
const Change = z.number().int().nullable();

export const ApplicantRowSchema = z.object({
  naturalPerson: Count,
  commercialEnterprise: Count,
  researchInstitution: Count,
  socialWelfareOrganization: Count,
  legalServiceInstitution: Count,
  otherOrganization: Count,
  total: Count,
});
export type ApplicantRow = z.infer<typeof ApplicantRowSchema>;

const DeniedSchema = z.object({
  stateSecret: ApplicantRowSchema,
  prohibitedByLaw: ApplicantRowSchema,
  endangersSafety: ApplicantRowSchema,
  thirdPartyRights: ApplicantRowSchema,
  internalAffairs: ApplicantRowSchema,
  processInformation: ApplicantRowSchema,
  enforcementCaseFiles: ApplicantRowSchema,
  administrativeQuery: ApplicantRowSchema,
});
const UnableSchema = z.object({
  notHeld: ApplicantRowSchema,
  needsCreation: ApplicantRowSchema,
  stillUnclear: ApplicantRowSchema,
});
const NotProcessedSchema = z.object({
  petitionOrComplaint: ApplicantRowSchema,
  repeated: ApplicantRowSchema,
  publication: ApplicantRowSchema,
  massRepeated: ApplicantRowSchema,
  confirmation: ApplicantRowSchema,
});

function applicationsSchema<T extends z.ZodType>(otherHandling: T) {
  return z.object({
    newlyReceived: ApplicantRowSchema,
    carriedOver: ApplicantRowSchema,
    results: z.object({
      granted: ApplicantRowSchema,
      partiallyGranted: ApplicantRowSchema,
      denied: DeniedSchema,
      unableToProvide: UnableSchema,
      notProcessed: NotProcessedSchema,
      otherHandling,
      total: ApplicantRowSchema,
    }),
    carriedForward: ApplicantRowSchema,
  });
}

export const Applications2021Schema = applicationsSchema(
  z.object({ noCorrection: ApplicantRowSchema, unpaidFees: ApplicantRowSchema, other: ApplicantRowSchema }),
);
export const Applications2019Schema = applicationsSchema(ApplicantRowSchema);

const IssuedSchema = z.object({ issued: Count, repealed: Count, inForce: Count });
const DecisionsSchema = z.object({ decisions: Count });
export const Proactive2021Schema = z.object({
  regulations: IssuedSchema,
  normativeDocuments: IssuedSchema,
  licensing: DecisionsSchema,
  punishment: DecisionsSchema,
  compulsion: DecisionsSchema,
  fees: z.object({ amountTenThousandYuan: Amount }),
});

const MadeSchema = z.object({ newlyMade: Count, newlyPublished: Count, totalPublished: Count });
const ItemsSchema = z.object({ previousYearItems: Count, change: Change, decisions: Count });
export const Proactive2019Schema = z.object({
  regulations: MadeSchema,
  normativeDocuments: MadeSchema,
  licensing: ItemsSchema,
  otherExternalServices: ItemsSchema,
  punishment: ItemsSchema,
  compulsion: ItemsSchema,
  fees: z.object({ previousYearItems: Count, change: Change }),
  procurement: z.object({ projects: Count, totalAmount: Amount }),
});

const ReviewGroupSchema = z.object({ upheld: Count, corrected: Count, other: Count, pending: Count, total: Count });
export const ReviewLitigationSchema = z.object({
  review: ReviewGroupSchema,
  litigationDirect: ReviewGroupSchema,
  litigationAfterReview: ReviewGroupSchema,
});

export const Tables2021Schema = z.object({
  proactive: Proactive2021Schema.nullable(),
  applications: Applications2021Schema.nullable(),
  reviewLitigation: ReviewLitigationSchema.nullable(),
});
export const Tables2019Schema = z.object({
  proactive: Proactive2019Schema.nullable(),
  applications: Applications2019Schema.nullable(),
  reviewLitigation: ReviewLitigationSchema.nullable(),
});
export type Tables2021 = z.infer<typeof Tables2021Schema>;
export type Tables2019 = z.infer<typeof Tables2019Schema>;

/** Tables of either format; a table that was not found is null. */
export const TablesSchema = z.union([Tables2021Schema, Tables2019Schema]);
export type Tables = z.infer<typeof TablesSchema>;
