package com.campaignstudio.basket;

/**
 * "Baskets with the {@code antecedent} products also hold the {@code consequent} product", with the counts behind
 * it so that a rule seen in a handful of baskets is not over-read.
 *
 * @param antecedent      one or two product indexes, ascending
 * @param consequent      a product index not in the antecedent
 * @param count           baskets holding the antecedent and the consequent
 * @param antecedentCount baskets holding the antecedent
 * @param consequentCount baskets holding the consequent
 * @param baskets         all baskets
 */
public record AssociationRule(int[] antecedent, int consequent, long count, long antecedentCount,
                              long consequentCount, long baskets) {

    /** count / baskets: how common the whole rule is. */
    public double support() {
        return (double) count / baskets;
    }

    /** count / antecedentCount: P(consequent | antecedent). */
    public double confidence() {
        return (double) count / antecedentCount;
    }

    /** confidence / P(consequent) = count * baskets / (antecedentCount * consequentCount). */
    public double lift() {
        return (double) count * baskets / ((double) antecedentCount * consequentCount);
    }

    public AssociationRule {
        antecedent = antecedent.clone();
    }

    @Override
    public int[] antecedent() {
        return antecedent.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AssociationRule rule && java.util.Arrays.equals(antecedent, rule.antecedent)
                && consequent == rule.consequent && count == rule.count && antecedentCount == rule.antecedentCount
                && consequentCount == rule.consequentCount && baskets == rule.baskets;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(java.util.Arrays.hashCode(antecedent), consequent, count, antecedentCount,
                consequentCount, baskets);
    }

    @Override
    public String toString() {
        return java.util.Arrays.toString(antecedent) + " -> " + consequent + " (" + count + "/" + antecedentCount
                + ", " + consequentCount + " of " + baskets + ")";
    }
}
