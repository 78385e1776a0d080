import { gql } from '@apollo/client';
import { Button, FormHelperText, Stack } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { request } from '../graphqlClient';

const POSTAL_AREA = gql`
  query PostalArea($postalCode: String!) {
    postalArea(postalCode: $postalCode) { prefecture city towns }
  }
`;

interface Area {
  prefecture: string;
  city: string;
  towns: string[];
}

/** 7 digits however they were typed (１００－０００１, 1000001), or null while the code is incomplete. */
const completeCode = (typed: string | null | undefined) => {
  const digits = (typed ?? '').normalize('NFKC').replace(/\D/g, '');
  return digits.length === 7 ? digits : null;
};

/** 東京都千代田区千代田; only the city when the code covers several towns. */
const addressOf = (area: Area) => `${area.prefecture}${area.city}${area.towns.length === 1 ? area.towns[0] : ''}`;

/**
 * Fills the address from a postal code as it is typed (Japan Post's data, looked
 * up by the server). An empty address, or one this filled itself, is replaced;
 * an address the user wrote is left alone and the area offered with a button.
 */
export function usePostalFill(code: string | null | undefined, address: string | null | undefined, setAddress: (value: string) => void) {
  const [state, setState] = useState<{ status: 'idle' } | { status: 'unknown' } | { status: 'found'; address: string }>({ status: 'idle' });
  const filled = useRef<string | null>(null);
  const initial = useRef(completeCode(code));
  const current = useRef(address);
  current.current = address;
  const digits = completeCode(code);

  useEffect(() => {
    // the code a saved record opens with is not a new entry: its address stays as stored
    if (!digits || digits === initial.current) {
      setState({ status: 'idle' });
      return;
    }
    let stale = false;
    request<{ postalArea: Area | null }>(POSTAL_AREA, { postalCode: digits })
      .then(({ postalArea }) => {
        if (stale) return;
        if (!postalArea) return setState({ status: 'unknown' });
        const next = addressOf(postalArea);
        const typed = current.current?.trim() ?? '';
        if (typed === '' || typed === filled.current) {
          filled.current = next;
          setAddress(next);
        }
        setState({ status: 'found', address: next });
      })
      .catch(() => !stale && setState({ status: 'idle' }));
    return () => {
      stale = true;
    };
    // looked up once per complete code; the address is read through a ref so typing it does not ask again
  }, [digits]);

  const offer = state.status === 'found' && !(address ?? '').trim().startsWith(state.address) ? state.address : null;
  const fill = () => {
    if (!offer) return;
    filled.current = offer;
    setAddress(offer);
  };
  return { unknown: state.status === 'unknown', offer, fill };
}

/** Under the postal code: "unknown code", or the area with a button when the address was typed by hand. */
export const PostalHint = ({ unknown, offer, fill }: ReturnType<typeof usePostalFill>) => {
  const translate = useTranslate();
  if (unknown) {
    return (
      <FormHelperText error data-testid="postal-unknown">
        {translate('mamori.postal.unknown')}
      </FormHelperText>
    );
  }
  if (!offer) return null;
  return (
    <Stack direction="row" alignItems="center" gap={1}>
      <FormHelperText data-testid="postal-offer">{offer}</FormHelperText>
      <Button size="small" onClick={fill}>
        {translate('mamori.postal.fill')}
      </Button>
    </Stack>
  );
};
