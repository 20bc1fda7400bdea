/**
 * The optional semantic stage of the matching engine: an Embedder (a local ONNX model folder or an
 * OpenAI-compatible embeddings endpoint), an in-memory vector index, and reciprocal rank fusion with the
 * lexical ranking. Without configuration there is no embedder and matching stays lexical.
 *
 * @example
 *   const embedder = await createEmbedder(config); // null unless KYOSO_EMBEDDINGS_ONNX_DIR or _URL is set
 *   const stage = embedder ? new SemanticStage({ embedder }) : null;
 */
import type { Config } from "../../config";
import type { Embedder, PrefixOption } from "./embedder";
import { HttpEmbedder } from "./http";
import { loadOnnxEmbedder } from "./onnx";

export type { Embedder, EmbedKind, Prefixes, PrefixOption } from "./embedder";
export { EmbeddingError, isE5Model } from "./embedder";
export { HttpEmbedder, type HttpEmbedderOptions } from "./http";
export { loadOnnxEmbedder, type OnnxEmbedder, type OnnxEmbedderOptions } from "./onnx";
export { type RerankOptions, SemanticStage, type SemanticStageOptions, type StageDoc } from "./stage";
export { type FusedHit, type FuseOptions, fuse, type Scored, VectorIndex } from "./vectors";

export type EmbeddingsConfig = Pick<
  Config,
  "embeddingsOnnxDir" | "embeddingsUrl" | "embeddingsModel" | "embeddingsApiKey"
>;

/**
 * The configured embedder, or null when neither KYOSO_EMBEDDINGS_ONNX_DIR nor KYOSO_EMBEDDINGS_URL is set.
 * An ONNX folder is loaded (and checked with one embedding) here; the runtime is imported only then;
 * a missing or broken folder throws EmbeddingError naming the folder and the file.
 */
export async function createEmbedder(
  config: EmbeddingsConfig,
  options: { prefixes?: PrefixOption; threads?: number } = {},
): Promise<Embedder | null> {
  if (config.embeddingsOnnxDir && config.embeddingsUrl) {
    throw new Error("KYOSO_EMBEDDINGS_ONNX_DIR and KYOSO_EMBEDDINGS_URL are both set: set one of the two");
  }
  if (config.embeddingsOnnxDir) {
    return loadOnnxEmbedder({ dir: config.embeddingsOnnxDir, ...options });
  }
  if (config.embeddingsUrl) {
    return new HttpEmbedder({
      url: config.embeddingsUrl,
      model: config.embeddingsModel ?? "",
      ...(config.embeddingsApiKey ? { apiKey: config.embeddingsApiKey } : {}),
      ...(options.prefixes ? { prefixes: options.prefixes } : {}),
    });
  }
  return null;
}
