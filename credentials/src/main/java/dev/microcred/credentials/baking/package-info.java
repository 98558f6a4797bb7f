/**
 * Baked badge images: a credential embedded in a PNG ({@code iTXt} chunk) or an SVG
 * ({@code <openbadges:credential>} element), as the Open Badges 3.0 §5.3 "Baked Badge", Open Badges 2.0
 * "Baking" and CLR 2.0 specifications describe. {@link dev.microcred.credentials.baking.PngBaker} and
 * {@link dev.microcred.credentials.baking.SvgBaker} bake and extract; {@link dev.microcred.credentials.baking.BakedImages}
 * extracts from either. Images are parsed defensively: size limits, PNG chunk CRCs, and an XML reader that
 * never loads a DTD or expands a declared entity.
 */
package dev.microcred.credentials.baking;
