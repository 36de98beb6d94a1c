/**
 * The 信息处理费 rules live in `@/lib/disclosure-fees` (pure, shared below the features: the
 * applications' fee notice and the documents' 收费通知书 compute with the same function).
 */
export * from '@/lib/disclosure-fees';
