/**
 * JSON Schema validation of credentials against the bundled 1EdTech Open Badges 3.0 schemas (JSON Schema
 * 2019-09, https://www.imsglobal.org/spec/ob/v3p0/#json-schema): the first step of OB 3.0 verification. Schemas
 * are read from this module's resources, compiled once, and never fetched from the network. CLR 2.0 credentials,
 * for which no schema is bundled, are checked with structure rules from the CLR 2.0 data model.
 */
package dev.microcred.credentials.schema;
