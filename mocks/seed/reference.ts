// The reference data (sections, regions) is the domain's: server/domain/reference.ts.
export * from '../../server/domain/reference';
