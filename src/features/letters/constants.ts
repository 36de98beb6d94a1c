import { sectionIdSchema, type SectionId } from '@/types/api';

export const SECTION_IDS: SectionId[] = sectionIdSchema.options;
