/** What is measured and reported: HdrHistogram metrics, the report and its JSON, the verdict, merging shards. */
package io.skirmish.bots.stats;
