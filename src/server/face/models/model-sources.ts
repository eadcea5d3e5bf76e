/**
 * Where each installable recognition model comes from, and how to recognise the right files: the
 * official URL, each file's size and sha384 (as Intel's model downloader lists them), the tensor
 * names and layout of the converted graph, and the licence statement its redistribution needs.
 * The model files themselves never ship with motcua; a site installs them with
 * `motcua models install` (see install-model.ts).
 */
import type { FaceModelId } from '../../../contracts/face';

/** Intel's Open Model Zoo storage, release 2023.0. `MOTCUA_MODEL_BASE_URL` replaces it (a mirror with the same layout). */
export const OPEN_MODEL_ZOO_BASE_URL = 'https://storage.openvinotoolkit.org/repositories/open_model_zoo/2023.0/models_bin/1';

export interface ModelSourceFile {
  name: string;
  bytes: number;
  sha384: string;
}

export interface InstallableFaceModel {
  id: FaceModelId;
  /** Folder of the files under the base URL, e.g. `<id>/FP16/`. */
  folder: string;
  xml: ModelSourceFile;
  bin: ModelSourceFile;
  /** The converted graph's tensors: what the browser feeds and reads. */
  input: { name: string; dims: number[]; layout: 'NCHW'; channels: 'BGR'; range: [number, number] };
  output: { name: string; dims: number[] };
  /**
   * sha256 of the ONNX file this version of the converter makes from exactly these files: the file
   * the oracle test (test/unit/face-model-converter.test.ts) proved to give the reference embeddings.
   * Any other result is refused, whatever the cause.
   */
  convertedSha256: string;
  /** Apache-2.0 §4(b): modified files carry a notice saying so. */
  licence: string;
  licenceUrl: string;
}

export const INSTALLABLE_FACE_MODELS: Partial<Record<FaceModelId, InstallableFaceModel>> = {
  'face-reidentification-retail-0095': {
    id: 'face-reidentification-retail-0095',
    folder: 'face-reidentification-retail-0095/FP16/',
    xml: {
      name: 'face-reidentification-retail-0095.xml',
      bytes: 350_427,
      sha384: '689fb39e94bbd0d22cfeeb9292d0b91ac753424a7ee2c0555070e4038a00bfcaad473b47303012b9a393027dbad0dbce',
    },
    bin: {
      name: 'face-reidentification-retail-0095.bin',
      bytes: 2_213_628,
      sha384: '6d51703e854509dafdab9dfc6b932136d301d95be6d52c9c23b5a4f5de1ffec80e8d38b87e0e9556ad36f0dded1588ed',
    },
    input: { name: 't0_0', dims: [1, 3, 128, 128], layout: 'NCHW', channels: 'BGR', range: [0, 255] },
    output: { name: 'embedding', dims: [1, 256] },
    convertedSha256: 'e97fc12863982db303dae4966bdcab0bc0e9c0cb4a6e9b7187d0eabe3b4ad965',
    licence: '© Intel Corporation, Apache-2.0; converted from OpenVINO IR FP16 to ONNX by motcua, weights unchanged',
    licenceUrl: 'https://www.apache.org/licenses/LICENSE-2.0',
  },
};

export function installableFaceModel(id: string): InstallableFaceModel | null {
  return (INSTALLABLE_FACE_MODELS as Record<string, InstallableFaceModel | undefined>)[id] ?? null;
}
