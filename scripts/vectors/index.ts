/** Every vector file and the builder that writes it, in a fixed order. */
import type { VectorFile } from '../../src/generated/types.js'
import * as expiration from './caveats/expiration.js'
import * as projectNames from './caveats/project-names.js'
import * as projectIds from './caveats/project-ids.js'
import * as requestUser from './caveats/request-user.js'
import * as oidcPublisher from './caveats/oidc-publisher.js'
import * as legacyUser from './caveats/legacy-user.js'
import * as legacyProjectNames from './caveats/legacy-project-names.js'
import * as legacyExpiration from './caveats/legacy-expiration.js'
import * as legacyProjectIds from './caveats/legacy-project-ids.js'
import * as tokenFormat from './token-format.js'
import * as macaroon from './macaroon.js'
import * as signature from './signature.js'
import * as caveatEncoding from './caveat-encoding.js'
import * as verification from './verification.js'
import * as algorithm from './algorithm.js'
import * as lenient from './lenient.js'
import * as attenuation from './attenuation.js'
import * as mint from './mint.js'
import * as limits from './limits.js'
import * as malformed from './malformed.js'
import * as referenceTokens from './reference-tokens.js'
import * as detection from './detection.js'

export interface Topic {
  path: string
  build: () => VectorFile
}

export const TOPICS: Topic[] = [
  { path: 'vectors/token-format.json', build: tokenFormat.build },
  { path: 'vectors/macaroon.json', build: macaroon.build },
  { path: 'vectors/signature.json', build: signature.build },
  { path: 'vectors/caveat-encoding.json', build: caveatEncoding.build },
  { path: 'vectors/verification.json', build: verification.build },
  { path: 'vectors/algorithm.json', build: algorithm.build },
  { path: 'vectors/lenient.json', build: lenient.build },
  { path: 'vectors/attenuation.json', build: attenuation.build },
  { path: 'vectors/mint.json', build: mint.build },
  { path: 'vectors/limits.json', build: limits.build },
  { path: 'vectors/malformed.json', build: malformed.build },
  { path: 'vectors/reference-tokens.json', build: referenceTokens.build },
  { path: 'vectors/detection.json', build: detection.build },
  { path: 'vectors/caveats/expiration.json', build: expiration.build },
  { path: 'vectors/caveats/project-names.json', build: projectNames.build },
  { path: 'vectors/caveats/project-ids.json', build: projectIds.build },
  { path: 'vectors/caveats/request-user.json', build: requestUser.build },
  { path: 'vectors/caveats/oidc-publisher.json', build: oidcPublisher.build },
  { path: 'vectors/caveats/legacy-user.json', build: legacyUser.build },
  { path: 'vectors/caveats/legacy-project-names.json', build: legacyProjectNames.build },
  { path: 'vectors/caveats/legacy-expiration.json', build: legacyExpiration.build },
  { path: 'vectors/caveats/legacy-project-ids.json', build: legacyProjectIds.build },
]
