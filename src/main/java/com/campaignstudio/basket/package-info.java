/**
 * Products bought together (domain.md section 4): baskets read from paid orders, association rules with support,
 * confidence and lift (Agrawal, Imieli&#324;ski and Swami 1993; Apriori pruning after Agrawal and Srikant 1994;
 * lift as Brin, Motwani, Ullman and Tsur's "interest", 1997), item-to-item cosine similarity over customers (Linden,
 * Smith and York 2003, the Amazon item-to-item recommender), and the next product to pitch to a customer, the buyers
 * of a product or a saved segment. Everything works on primitive arrays: a basket is a run of product indexes.
 */
package com.campaignstudio.basket;
