// Runs the compiled desired-state.ts: node run.mjs <registry-auth text> REF… prints
// {answers, stored, one} as JSON, `one` being pinOne of the first reference.
import { storeDesiredState, pinOne } from './build/desired-state.js'

const [registryAuth, ...references] = process.argv.slice(2)
const state = await storeDesiredState(references, registryAuth)
const one = await pinOne(references[0], registryAuth)
process.stdout.write(`${JSON.stringify({ ...state, one })}\n`)
